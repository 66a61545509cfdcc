FROM golang:1.23
RUN go mod download && echo "unterminated
