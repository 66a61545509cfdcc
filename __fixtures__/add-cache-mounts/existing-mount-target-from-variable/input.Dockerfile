FROM golang:1.23
ENV GOMODCACHE=/cache/mod
RUN --mount=type=cache,target=$GOMODCACHE go build -o /app .
