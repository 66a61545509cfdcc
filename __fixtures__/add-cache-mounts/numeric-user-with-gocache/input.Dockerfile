FROM golang:1.23
ENV GOCACHE=/tmp/go-build
USER 1000:1000
WORKDIR /tmp/src
COPY --chown=1000:1000 . .
RUN go build -o /tmp/app .
