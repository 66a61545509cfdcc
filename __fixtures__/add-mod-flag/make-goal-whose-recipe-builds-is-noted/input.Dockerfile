FROM golang:1.23
WORKDIR /src
COPY . .
RUN make build
