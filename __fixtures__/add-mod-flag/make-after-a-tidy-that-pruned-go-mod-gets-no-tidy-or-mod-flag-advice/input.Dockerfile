FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod tidy
COPY cmd/ cmd/
COPY Makefile ./
RUN make build
