FROM golang:1.22
COPY . .
RUN go mod download
RUN go build -o main .

FROM golang:1.22 AS tools
ENV GOPATH=/work
WORKDIR /work
COPY . .
RUN go build -o /tool .
