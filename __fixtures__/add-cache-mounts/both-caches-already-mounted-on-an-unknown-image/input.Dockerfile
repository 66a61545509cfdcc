FROM example.com/builder:1
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/home/me/go/pkg/mod --mount=type=cache,target=/home/me/.cache/go-build go build -o /app .
