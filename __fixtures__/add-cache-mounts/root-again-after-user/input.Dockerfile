FROM golang:1.23
RUN useradd -m builder
USER builder
RUN id
USER root
WORKDIR /src
COPY . .
RUN go build -o /app .
