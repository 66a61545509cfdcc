FROM golang:1.22
WORKDIR /src
COPY . .
RUN ./install-helm.sh
RUN go build -o /app .
