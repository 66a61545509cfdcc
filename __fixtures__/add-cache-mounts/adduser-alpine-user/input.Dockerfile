FROM golang:1.23-alpine
RUN adduser -D -u 1000 app
USER app
WORKDIR /home/app/src
COPY --chown=app . .
RUN go build -o /home/app/bin/app .
