FROM golang:1.20
WORKDIR /app
COPY . .
RUN [ -f go.mod ] || go mod init example.com/x
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /x .
