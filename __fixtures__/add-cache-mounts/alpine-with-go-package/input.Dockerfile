FROM alpine:3.20
RUN apk add --no-cache go
WORKDIR /src
COPY . .
RUN go build -o /app .
