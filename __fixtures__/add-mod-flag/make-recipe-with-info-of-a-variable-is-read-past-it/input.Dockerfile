FROM golang:1.22
WORKDIR /src
COPY . .
RUN make build
