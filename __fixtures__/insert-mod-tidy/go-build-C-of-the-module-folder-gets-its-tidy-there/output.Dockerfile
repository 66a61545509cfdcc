FROM golang:1.22
COPY . /src/app
RUN cd /src/app && go mod tidy
RUN go build -C /src/app -o /out/app .
