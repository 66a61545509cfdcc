FROM golang:1.23
USER 10001
WORKDIR /tmp/src
COPY --chown=10001 . .
RUN go build -o /tmp/app .
