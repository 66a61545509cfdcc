FROM golang:1.21
WORKDIR /go/src/app
COPY app ./
RUN go mod tidy && go mod verify
ENTRYPOINT ["go", "run", "."]
