FROM arm64v8/golang:1.24
WORKDIR /src
COPY . .
RUN go build -o /app .
