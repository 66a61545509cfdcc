FROM --platform=$BUILDPLATFORM golang:1.23-alpine
COPY --from=xx / /
ARG TARGETPLATFORM
RUN xx-go --wrap && CGO_ENABLED=0 xx-go build -mod=mod -o /out/app ./cmd/app && xx-verify /out/app
