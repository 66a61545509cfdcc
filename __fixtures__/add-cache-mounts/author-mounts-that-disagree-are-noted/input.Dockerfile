ARG BUILDER
FROM ${BUILDER}
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod download
RUN go vet ./...
RUN --mount=type=cache,target=/home/builder/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .
