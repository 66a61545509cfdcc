FROM golang:1.23
RUN case "$TARGETARCH" in arm64) X=1 ;; esac && go build -mod=mod -o app .
