from --platform=$BUILDPLATFORM golang:1.22 as builder
run go build ./...
from scratch
copy --from=builder /go/bin/app /app
