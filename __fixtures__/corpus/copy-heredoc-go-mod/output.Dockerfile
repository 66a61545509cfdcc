FROM golang:1.22 AS build
WORKDIR /src
COPY <<EOF go.mod
module example.com/inline

go 1.22
EOF
COPY <<EOF main.go
package main

func main() { println("go mod download") }
EOF
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -mod=mod -o /out/inline .

FROM scratch
COPY --from=build /out/inline /inline
ENTRYPOINT ["/inline"]
