FROM golang:1.20
WORKDIR /app
COPY . .
RUN go mod init example.com/x && go mod tidy
RUN go build -o /x .
