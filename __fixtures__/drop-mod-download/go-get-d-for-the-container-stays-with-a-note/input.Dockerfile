FROM golang:1.22
WORKDIR /src
COPY . .
RUN go get -d ./...
CMD ["go", "run", "."]
