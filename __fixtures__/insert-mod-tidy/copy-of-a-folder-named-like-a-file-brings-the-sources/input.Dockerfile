FROM golang:1.22
COPY code/app.net/go.mod code/app.net/go.sum /src/
RUN cd /src && go mod download
COPY ./code/app.net /src
WORKDIR /src
RUN go build -o /app ./cmd
