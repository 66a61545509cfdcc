FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum deps.sh ./
RUN ./deps.sh
COPY . .
RUN go build -o /app .
