FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
RUN cp -r /go/pkg/mod/example.com/greet@v1.0.0 /third_party
COPY . .
RUN go build -o /app .
