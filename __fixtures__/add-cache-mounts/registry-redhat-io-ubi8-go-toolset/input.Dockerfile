FROM registry.redhat.io/ubi8/go-toolset AS build
COPY --chown=1001:0 . .
RUN go mod download
RUN go build -o /tmp/app .
