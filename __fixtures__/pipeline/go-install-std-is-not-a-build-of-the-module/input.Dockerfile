FROM golang:1.22
WORKDIR /src
COPY . .
RUN GOOS=darwin go install std
