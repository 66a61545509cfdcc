FROM golang:1.16-alpine3.15
WORKDIR /src
COPY . .
RUN make build
