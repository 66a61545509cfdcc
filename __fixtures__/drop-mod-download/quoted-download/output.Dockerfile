FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN go build -o /out/app .
