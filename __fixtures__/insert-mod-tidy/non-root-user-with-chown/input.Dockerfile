FROM golang:1.23
WORKDIR /src
COPY --chown=1001:0 . .
USER 1001
RUN go build -o /tmp/app .
