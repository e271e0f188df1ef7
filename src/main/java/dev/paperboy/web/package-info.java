/** What people and programs see: HTML pages, the JSON API and the operator endpoints. */
package dev.paperboy.web;
