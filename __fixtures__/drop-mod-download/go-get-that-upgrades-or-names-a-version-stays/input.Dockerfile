FROM golang:1.22
WORKDIR /src
COPY . .
RUN go get -d -u ./...
RUN go get -d github.com/pkg/errors@v0.9.1
RUN go get -d -v github.com/pkg/errors
RUN go build -o /out/app .
