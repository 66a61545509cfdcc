FROM golang:1.22 AS tidy
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg go mod tidy
FROM scratch
COPY --from=tidy /src/go.mod /src/go.sum /
