ARG SERVICE=svc
FROM golang:1.22 AS build
ARG SERVICE
WORKDIR /src
COPY ${SERVICE} .
RUN go build -o /app .
