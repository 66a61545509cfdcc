FROM golang:1.23
COPY . .
RUN go mod vendor
RUN go build -o app .
RUN go mod vendor && go build -o app2 ./cmd/two
