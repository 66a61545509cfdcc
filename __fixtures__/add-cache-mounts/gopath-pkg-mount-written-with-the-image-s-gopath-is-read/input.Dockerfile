FROM golang:1.22
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=$GOPATH/pkg --mount=type=cache,target=/root/.cache/go-build go build -o /app .
