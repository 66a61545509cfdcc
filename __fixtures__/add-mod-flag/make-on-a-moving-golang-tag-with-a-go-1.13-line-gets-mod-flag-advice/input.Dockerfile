FROM golang:alpine
WORKDIR /src
COPY . .
RUN make build
