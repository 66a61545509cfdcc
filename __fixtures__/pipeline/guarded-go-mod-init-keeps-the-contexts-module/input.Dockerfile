FROM golang:1.20
WORKDIR /app
COPY . .
RUN [ -f go.mod ] || go mod init example.com/x
RUN go build -o /x .
