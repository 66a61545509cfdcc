FROM golang:1.22
WORKDIR /
COPY . ./
RUN make build
