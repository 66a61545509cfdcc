FROM golang:1.23
WORKDIR /app
COPY ../go.mod ../go.sum ./
COPY .. .
RUN go build -o /bin/svc .
