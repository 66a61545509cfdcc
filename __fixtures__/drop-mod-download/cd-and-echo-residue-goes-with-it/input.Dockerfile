FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
RUN cd /src && echo "fetching modules" && go mod download
COPY . .
RUN go build -o /app .
