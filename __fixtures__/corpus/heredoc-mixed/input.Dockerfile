FROM golang:1.21-alpine AS build
WORKDIR /src
COPY . .
RUN <<-EOT
	apk add --no-cache git
	go mod download
	go build -o /bin/tool ./cmd/tool
EOT
COPY <<EOF /etc/tool/config.yaml
# go mod download is not run here
listen: :8080
EOF

FROM alpine:3.19
COPY --from=build /bin/tool /bin/tool
COPY --from=build /etc/tool /etc/tool
ENTRYPOINT ["/bin/tool"]
