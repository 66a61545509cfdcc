FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN go install ./cmd/tool
COPY . .
RUN go build -o /out/app .
