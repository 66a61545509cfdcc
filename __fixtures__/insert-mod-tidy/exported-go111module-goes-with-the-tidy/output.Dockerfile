FROM golang:1.12
WORKDIR /go/src/s32x.com/tfclass
COPY . .
RUN GO111MODULE=on go mod tidy
RUN export GO111MODULE=on && go build -o /bin/app .
