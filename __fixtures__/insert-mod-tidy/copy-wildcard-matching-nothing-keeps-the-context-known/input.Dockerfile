FROM golang:1.24
WORKDIR /src
COPY go.* *.go ./
COPY cmd/ cmd/
RUN go build -o /app ./cmd/app
