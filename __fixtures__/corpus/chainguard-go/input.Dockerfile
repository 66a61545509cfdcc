FROM cgr.dev/chainguard/go:latest AS builder
WORKDIR /work
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o hello .

FROM cgr.dev/chainguard/static:latest
COPY --from=builder /work/hello /hello
ENTRYPOINT ["/hello"]
