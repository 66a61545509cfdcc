FROM golang:1.23
WORKDIR /app
COPY . .
RUN go build -o /bin/app . && go install github.com/air-verse/air@latest
CMD ["air"]
