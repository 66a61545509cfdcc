FROM golang:1.23
ARG SERVICE
WORKDIR /src
COPY . .
RUN cd services/$SERVICE && go build -o /app .
