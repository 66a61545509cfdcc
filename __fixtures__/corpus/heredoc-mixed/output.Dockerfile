FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod go mod tidy
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build <<-EOT
	apk add --no-cache git
	go build -mod=mod -o /bin/tool ./cmd/tool
EOT
COPY <<EOF /etc/tool/config.yaml
# go mod download is not run here
listen: :8080
EOF

FROM alpine:3.19
COPY --from=build /bin/tool /bin/tool
COPY --from=build /etc/tool /etc/tool
ENTRYPOINT ["/bin/tool"]
