FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN useradd -u 1001 app
CMD ["go", "run", "."]
