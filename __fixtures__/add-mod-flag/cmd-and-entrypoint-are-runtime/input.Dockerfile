FROM golang:1.23
COPY . .
CMD go build -o app . && ./app
ENTRYPOINT ["go", "build", "."]
