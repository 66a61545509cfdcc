FROM golang:1.22
ADD . /src
RUN cd /src && go mod tidy
RUN cd /src && go build -o app
